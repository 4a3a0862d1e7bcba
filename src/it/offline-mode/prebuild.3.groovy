import io.github.resemblegate.maven.it.ItSupport

ItSupport.of(context).media('src/main/media/new-take.wav')
