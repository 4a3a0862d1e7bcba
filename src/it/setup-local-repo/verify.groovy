// Maven 3.9 ends a build with "Plugin validation issues were detected" when a plugin breaks its
// rules (Maven artifacts not provided, maven-compat, deprecated injection...); VERBOSE lists all.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('Plugin validation issues')
