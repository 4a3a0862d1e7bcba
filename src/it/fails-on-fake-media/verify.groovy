import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('[ERROR] Failed to execute goal io.github.resemblegate:resemble-maven-plugin:'
        + pluginVersion + ':detect (default) on project fails-on-fake-media: 1 of 2 files is likely'
        + ' synthetic: src/main/media/fake-voiceover.wav scored 0.97, at or above the threshold 0.50.')
    assert log.contains('[INFO]   src/main/media/fake-voiceover.wav  Likely synthetic   0.97       0.50')
    assert log.contains('[ERROR] Verdict: FAILED. 1 of 2 files is likely synthetic:')
    // What to do next, with the waiver entry to copy.
    assert log.contains('[INFO] What to do next:')
    assert log =~ /\[INFO\]       - sha256: [0-9a-f]{64}  # src\/main\/media\/fake-voiceover.wav/
    assert new File(basedir, 'target/resemble/resemble-report.html').isFile()
} finally {
    ItSupport.stop(context)
}
