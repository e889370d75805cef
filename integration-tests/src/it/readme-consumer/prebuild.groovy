// Writes this project from README.md before Maven runs: its pom.xml is the README's, unchanged, and
// src/main/java/Models.java the model at the top of the README. io.matgrad.it.Readme (this module's
// test classes) finds the blocks by their <!-- readme-test: ... --> markers.
import io.matgrad.it.Readme

def pom = Readme.text(readme, 'consumer', 'pom.xml')
assert pom.contains("<matgrad.version>${matgradVersion}</matgrad.version>") :
        "the README's pom should use matgrad ${matgradVersion}, the version this build makes"
new File(basedir, 'pom.xml').setText(pom, 'UTF-8')

def models = new File(basedir, 'src/main/java/Models.java')
models.parentFile.mkdirs()
models.setText(Readme.text(readme, 'source', 'Models.java'), 'UTF-8')
return true
