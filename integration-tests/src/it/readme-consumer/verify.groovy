// The README's pom ran the processor, and what it generated compiled without a warning.
def generated = new File(basedir, 'target/generated-sources/annotations/ModelsGradients.java')
assert generated.isFile() : "no generated source at ${generated}: the processor did not run"
assert generated.text.contains('public static DMatrixRMaj leastSquaresGradX(')
assert new File(basedir, 'target/classes/ModelsGradients.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('maven-compiler-plugin:3.14.1:compile') : 'not compiled by the README\'s compiler plugin'
assert !log.contains('[WARNING] COMPILATION WARNING') : 'the README\'s model compiled with warnings'
return true
