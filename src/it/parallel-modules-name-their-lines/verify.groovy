import io.github.resemblegate.maven.it.ItSupport

try {
    def log = ItSupport.of(context).buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[INFO] [voice] Matched 2 media files')
    assert log.contains('[INFO] [art] Matched 1 media file')
    assert log =~ /\[INFO\] \[voice\] Verdict: PASSED\b/
    assert log.contains('[INFO] [art] Report: ')
    // No gate line without its module's name.
    def gate = ~/^\[(INFO|WARNING|ERROR)\] (\S+ )?(Matched|Submitted batch|Verdict|Report:)/
    def lines = log.readLines().findAll { it =~ gate }
    assert lines.size() >= 8
    assert lines.findAll { !(it =~ /^\[\w+\] \[(voice|art|parallel-modules-name-their-lines)\] /) }.isEmpty()
} finally {
    ItSupport.stop(context)
}
