import io.github.resemblegate.maven.it.ItSupport

ItSupport.start(basedir, context).media('voice/src/main/media/narration.wav')
new File(basedir, 'code/src/main/resources').mkdirs()
new File(basedir, 'code/src/main/resources/application.properties').text = 'greeting=hello\n'
null
