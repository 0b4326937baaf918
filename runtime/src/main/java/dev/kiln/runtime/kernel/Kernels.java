package dev.kiln.runtime.kernel;

/**
 * One implementation of each family of kernels, as {@link KernelProvider} chose them for this JVM:
 * {@link #scalar()} (plain Java, the reference) or, where {@code jdk.incubator.vector} is present, the
 * Vector API ones. Each family is a narrow interface without default methods, and each implementation
 * is a class of its own ({@code ScalarLinearKernels} beside {@code PanamaLinearKernels}, and so on), so
 * that a Vector API family that lacks a method does not compile rather than running the scalar one.
 *
 * @param name {@code "scalar"} or {@code "panama"}, for logs and tests
 */
public record Kernels(String name, LinearKernels linear, LossKernels losses, OptimizerKernels optimizers,
    VectorKernels vectors) {
  /** The scalar kernels: the reference in tests, and the kernels where the Vector API is absent. */
  public static Kernels scalar() {
    return new Kernels("scalar", new ScalarLinearKernels(), new ScalarLossKernels(), new ScalarOptimizerKernels(),
        new ScalarVectorKernels());
  }

  /** The Vector API kernels; loading this method's classes needs {@code jdk.incubator.vector}. */
  static Kernels panama(int threads) {
    return new Kernels("panama", new PanamaLinearKernels(threads), new PanamaLossKernels(),
        new PanamaOptimizerKernels(threads), new PanamaVectorKernels());
  }

  @Override
  public String toString() {
    return name;
  }
}
