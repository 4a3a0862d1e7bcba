import io.github.resemblegate.maven.it.ItSupport
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

ItSupport.start(basedir, context)
// The simulator scores a part whose name holds "fake" 0.97: the entry's own file name travels.
def zip = new File(basedir, 'src/main/media/bundle.zip')
zip.parentFile.mkdirs()
zip.withOutputStream { out ->
    def z = new ZipOutputStream(out)
    ['vo/intro.wav', 'vo/fake-line.wav', '../evil.wav'].each { name ->
        z.putNextEntry(new ZipEntry(name))
        z.write(ItSupport.wav(name))
        z.closeEntry()
    }
    z.finish()
}
return true
