import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context)
    .property('resemble.serverId', 'absent-server')
    .media('src/main/media/narration.wav')
