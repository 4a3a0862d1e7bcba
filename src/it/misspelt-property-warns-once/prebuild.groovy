import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('voice/src/main/media/narration.wav', 'art/src/main/media/cover.png')
