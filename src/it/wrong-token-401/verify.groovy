import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert it.counters().unauthorized() >= 1
    assert it.counters().batchesCreated() == 0
    assert log.contains('on project wrong-token-401: 1 of 1 file could not be judged:'
        + ' src/main/media/narration.wav; the Resemble API rejected the API token with 401 Unauthorized')
    // The whole reason, with what to do, is in the summary above the sentence.
    assert log.contains('Check that the token is current: create one at https://app.resemble.ai/hub/api.')
    assert !log.contains(ItSupport.TOKEN)
} finally {
    ItSupport.stop(context)
}
