import io.github.resemblegate.maven.it.ItSupport

// Media exist, but not where the includes look.
ItSupport.start(basedir, context).media('src/main/media/narration.wav')
