import io.github.resemblegate.maven.it.ItSupport

ItSupport.of(context).markRequests('offline')
