import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('src/main/media/fake-voice.wav', 'src/main/media/fake-poster.png')
