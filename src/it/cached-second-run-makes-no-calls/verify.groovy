import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert it.requestsSince('second run') == 0
    assert it.counters().batchesCreated() == 1
    assert log.contains('Nothing new to upload: 3 of 3 distinct contents are answered by the cache.')
    // The flag comes back from the cache as well: the second summary still names the file.
    assert log.findAll(/src\/main\/media\/fake-outtake.wav\s+Likely synthetic/).size() == 2
} finally {
    ItSupport.stop(context)
}
