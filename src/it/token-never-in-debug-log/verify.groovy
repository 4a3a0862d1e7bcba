import io.github.resemblegate.maven.it.ItSupport

try {
    def it = ItSupport.of(context)
    def log = it.buildLog()
    assert log.contains('[DEBUG]')
    assert log.contains('BUILD SUCCESS')
    assert it.counters().batchesCreated() == 1
    assert !log.contains(ItSupport.TOKEN)
    new File(basedir, 'target/resemble').eachFileRecurse { file ->
        if (file.isFile()) {
            assert !file.getText('UTF-8').contains(ItSupport.TOKEN) : file
        }
    }
} finally {
    ItSupport.stop(context)
}
