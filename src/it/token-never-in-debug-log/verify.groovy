import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('[DEBUG]')
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchesCreated() == 1
    assert !log.contains(ItSupport.TOKEN)
    // Reports, journal, cache, build.log: nothing the build wrote holds the token.
    basedir.eachFileRecurse { file ->
        if (file.isFile()) {
            assert !file.getText('UTF-8').contains(ItSupport.TOKEN) : file
        }
    }
    assert new File(basedir, 'it-cache').isDirectory()
} finally {
    ItSupport.stop(context)
}
