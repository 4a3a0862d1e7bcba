import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchesCreated() == 1
    // Maven's resources plugin prints the environment at -X, the token with it; no other line holds it.
    def holding = log.readLines().findAll { it.contains(ItSupport.TOKEN) }
    assert holding == ['[DEBUG] env.RESEMBLE_API_KEY: ' + ItSupport.TOKEN]
    // Nothing the gate wrote holds it: reports, journal, cache.
    new File(basedir, 'target/resemble').eachFileRecurse { file ->
        if (file.isFile()) {
            assert !file.getText('UTF-8').contains(ItSupport.TOKEN) : file
        }
    }
} finally {
    ItSupport.stop(context)
}
