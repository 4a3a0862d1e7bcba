import io.github.resemblegate.maven.it.ItSupport

def it = ItSupport.start(basedir, context)
new File(basedir, 'src/main/resources').mkdirs()
new File(basedir, 'src/main/resources/app.properties').text = 'name=app'
return true
