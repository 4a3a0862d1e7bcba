import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context) { it.processingTime(java.time.Duration.ofSeconds(4)) }
    .media('src/main/media/narration.wav', 'src/main/media/logo.png')
