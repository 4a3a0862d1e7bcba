import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert it.counters().unauthorized() >= 1
    assert it.counters().batchesCreated() == 0
    // The free access check before uploading finds it: nothing is uploaded, and the one sentence
    // names where the token came from and what to do.
    assert it.counters().batchPosts() == 0
    assert it.counters().bytesReceived() == 0
    assert log.contains("on project wrong-token-401: The Resemble API rejected the API token from"
        + " the server 'resemble' in settings.xml with 401 Unauthorized, so nothing was uploaded;"
        + ' use a current token from https://app.resemble.ai/hub/api.')
    assert !log.contains(ItSupport.TOKEN)
} finally {
    ItSupport.stop(context)
}
