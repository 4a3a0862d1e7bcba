import io.github.resemblegate.maven.it.ItSupport

// The split is by file size, so the files get sizes of their own: the WAV tone, then padding.
// media/copy/intro.wav has intro.wav's bytes: one content, checked in one shard, billed once.
def sized = { String path, String seed, int padding ->
    def bytes = new ByteArrayOutputStream()
    bytes.write(ItSupport.wav(seed))
    bytes.write(new byte[padding])
    def file = new File(basedir, path)
    file.parentFile.mkdirs()
    file.bytes = bytes.toByteArray()
}
ItSupport.start(basedir, context)
sized('src/main/media/fake-voiceover.wav', 'fake', 3000)
sized('src/main/media/intro.wav', 'intro', 1000)
sized('src/main/media/copy/intro.wav', 'intro', 1000)
sized('src/main/media/narration.wav', 'narration', 2000)
sized('src/main/media/outro.wav', 'outro', 500)
return null
