package dev.kiln.spark;

import java.util.function.Supplier;

/** How a job's failure reaches the caller of {@link KilnSpark#fit}. */
final class SparkFailures {
  private SparkFailures() {}

  /**
   * Runs a Spark job; a row that does not fit the model fails its task on an executor, and comes back here as
   * the {@link IllegalArgumentException} it was, not wrapped in Spark's report of the failed stage.
   */
  static <T> T rethrowingOurs(Supplier<T> job) {
    try {
      return job.get();
    } catch (Exception e) { // Spark's SparkException is checked, yet undeclared by the Java API
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        StackTraceElement[] trace = cause.getStackTrace();
        if (cause instanceof IllegalArgumentException && trace.length > 0
            && trace[0].getClassName().startsWith("dev.kiln.")) {
          throw new IllegalArgumentException(cause.getMessage(), e);
        }
      }
      throw SparkFailures.<RuntimeException>rethrow(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }
}
