import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).apiDown().media('src/main/media/narration.wav')
