import io.github.resemblegate.maven.it.ItSupport

try {
    def log = ItSupport.of(context).buildLog()
    assert log.contains('BUILD SUCCESS')
    // Three modules run the goal; each misspelt property is named once, with the setting it resembles.
    assert log.count('[WARNING] -Dresemble.treshold is not a setting of the Resemble plugin, so it changes'
        + ' nothing: did you mean -Dresemble.threshold?') == 1
    assert log.count('[WARNING] -Dresemble.onflagged is not a setting of the Resemble plugin, so it changes'
        + ' nothing: did you mean -Dresemble.onFlagged?') == 1
    assert log.count('[WARNING] -Dresemble.colour is not a setting of the Resemble plugin, so it changes'
        + ' nothing; mvn resemble:help -Ddetail lists the settings.') == 1
    assert !log.contains('=0.9') && !log.contains('blue')
} finally {
    ItSupport.stop(context)
}
