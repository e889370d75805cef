// Runs after the consumer's build: the processor wrote its source where IDEs and build tools look
// for generated sources, and the consumer's tests really ran.
def generated = new File(basedir, 'target/generated-sources/annotations/com/example/fit/ModelsGradients.java')
assert generated.isFile() : "no generated source at ${generated}"
def source = generated.text
assert source.contains('@Generated("io.matgrad.processor.DifferentiableProcessor")')
assert source.contains('public static DMatrixRMaj ridgeGradX(')
assert source.contains('public static double ridgeValueAndGrad(')
assert source.contains('public static DMatrixRMaj ridgeHessianX(')
assert new File(basedir, 'target/classes/com/example/fit/ModelsGradients.class').isFile()
// what GradientCheck.verifyAll(Models.class) reads, in the main classes beside ModelsGradients
assert new File(basedir, 'target/classes/com/example/fit/ModelsGradientsChecks.class').isFile()

def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') : 'the consumer did not run its 4 tests'
assert !log.contains('[WARNING] COMPILATION WARNING') : 'the consumer compiled with warnings'
return true
