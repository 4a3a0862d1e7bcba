import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('[ERROR] Failed to execute goal io.github.resemblegate:resemble-maven-plugin:'
        + pluginVersion + ':detect (default) on project fails-on-fake-media: 1 of 2 files scored at or'
        + ' above the threshold 0.50: src/main/media/fake-voiceover.wav (0.97).')
    assert log.contains('[INFO]   src/main/media/fake-voiceover.wav  FLAGGED   0.97       0.50  label fake')
    assert new File(basedir, 'target/resemble/resemble-report.html').isFile()
} finally {
    ItSupport.stop(context)
}
