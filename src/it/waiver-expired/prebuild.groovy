import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('src/main/media/fake-licensed-voice.wav', 'src/main/media/fake-old-promo.wav')
