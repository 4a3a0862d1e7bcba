import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert it.counters().batchPosts() == 1
    assert it.counters().batchesCreated() == 0
    assert log.contains('on project insufficient-credit-402: 1 of 1 file could not be judged:'
        + ' src/main/media/narration.wav; the Resemble wallet cannot pay for POST /detect/batch with'
        + ' 402 Payment Required, so nothing was created')
} finally {
    ItSupport.stop(context)
}
