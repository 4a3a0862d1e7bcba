import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('media/voice/intro.wav', 'media/voice/outro.wav', 'media/cover.png')
