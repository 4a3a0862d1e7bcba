import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    assert it.buildLog().contains('BUILD SUCCESS')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/resemble/resemble-report.json'))
    def byPath = report.files.collectEntries { [(it.path): it] }
    assert byPath['src/main/media/intro.wav'].outcome == 'PASSED'
    assert byPath['src/main/media/script.wav'].outcome == 'SKIPPED'
    assert byPath['src/main/media/script.wav'].reason == 'not media: its bytes look like text (text/plain), not the audio a .wav file holds'
    assert byPath['src/main/media/silence.mp3'].reason == 'not media: its bytes are all zeros, not the audio a .mp3 file holds'
    assert byPath['src/main/media/noise.wav'].reason.startsWith('not media: its bytes match no known format')
    // Only the real WAV was uploaded and billed.
    assert it.counters().batchesCreated() == 1
    assert it.simulator().batches()[0].fileNames() == ['intro.wav']
} finally {
    ItSupport.stop(context)
}
