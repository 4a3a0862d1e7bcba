import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context) { it.token('the-only-accepted-token') }.media('src/main/media/narration.wav')
