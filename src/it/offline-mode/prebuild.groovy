import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('src/main/media/narration.wav', 'src/main/media/logo.png')
