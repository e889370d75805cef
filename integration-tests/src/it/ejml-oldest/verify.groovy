// The runtime's and the processor-tests' suites both ran, on the pinned EJML and no other.
def reports = new File(basedir, 'target/surefire-reports')
['io.matgrad.runtime.MatrixOpsTest', 'io.matgrad.runtime.FactorizationTest',
 'io.matgrad.tests.OperatorsGradientsTest', 'io.matgrad.tests.OperatorsDerivativesTest'].each {
    assert new File(reports, "TEST-${it}.xml").isFile() : "${it} did not run"
}
def report = new File(reports, 'TEST-io.matgrad.tests.OperatorsGradientsTest.xml').text
def classpath = (report =~ /name="surefire.test.class.path" value="([^"]*)"/)[0][1]
assert classpath.contains("ejml-core-${ejmlOldest}.jar") && classpath.contains("ejml-ddense-${ejmlOldest}.jar") :
        "the tests did not run on EJML ${ejmlOldest}: ${classpath}"
assert !(classpath =~ /ejml-[a-z]+-(?!${java.util.regex.Pattern.quote(ejmlOldest)})[0-9.]+\.jar/) :
        "another EJML on the test classpath: ${classpath}"

def log = new File(basedir, 'build.log').text
assert log =~ /Tests run: [1-9][0-9]{2,}, Failures: 0, Errors: 0, Skipped: 0/ : 'fewer than 100 tests ran, or some failed'
return true
