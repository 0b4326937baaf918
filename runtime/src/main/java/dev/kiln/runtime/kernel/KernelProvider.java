package dev.kiln.runtime.kernel;

import java.lang.System.Logger.Level;

/**
 * Chooses the kernels once per JVM: the Vector API ones when {@code jdk.incubator.vector} is in the
 * boot layer (run with {@code --add-modules jdk.incubator.vector}), the scalar ones otherwise or when
 * the system property {@value #FORCE_SCALAR} is {@code true}. Says which in one log line.
 */
public final class KernelProvider {
  /** Set to {@code true} to use the scalar kernels even where the Vector API is present. */
  public static final String FORCE_SCALAR = "kiln.forceScalar";
  /** The number of threads large products are split between (1 or 2). */
  public static final String THREADS = "kiln.threads";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  private static final int THREAD_COUNT = threadCount();
  private static final Kernels KERNELS = choose();
  private static final boolean VECTORIZED = !KERNELS.name().equals("scalar");

  private KernelProvider() {}

  /** The kernels chosen at start-up, every family: for tools and tests; callers take their family's below. */
  public static Kernels kernels() {
    return KERNELS;
  }

  /**
   * Whether the Vector API kernels were chosen. A family of kernels in a package of its own (a
   * convolution's, say) picks its own Vector API or scalar implementation by this, so that one log
   * line and one property decide for every family.
   */
  public static boolean vectorized() {
    return VECTORIZED;
  }

  /** The products of Linear layers: what generated models and trainers call. */
  public static LinearKernels linear() {
    return KERNELS.linear();
  }

  /** The fused losses. */
  public static LossKernels losses() {
    return KERNELS.losses();
  }

  /** The optimizers' updates. */
  public static OptimizerKernels optimizers() {
    return KERNELS.optimizers();
  }

  /** Element-wise loops shared by every family. */
  public static VectorKernels vectors() {
    return KERNELS.vectors();
  }

  /** How many threads the kernels use for work large enough to share: {@value #THREADS}, default 2 or fewer cores. */
  public static int threads() {
    return THREAD_COUNT;
  }

  /** The scalar kernels, whatever was chosen: the reference in tests. */
  public static Kernels scalar() {
    return Kernels.scalar();
  }

  private static int threadCount() {
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = Integer.getInteger(THREADS, Math.min(2, cores));
    if (threads < 1 || threads > 2) {
      throw new IllegalArgumentException("-D" + THREADS + "=" + threads + " is invalid; expected 1 or 2");
    }
    return threads;
  }

  private static Kernels choose() {
    System.Logger log = System.getLogger(KernelProvider.class.getName());
    if (Boolean.getBoolean(FORCE_SCALAR)) {
      log.log(Level.INFO, "Kiln kernels: scalar (forced by -D" + FORCE_SCALAR + "=true)");
      return Kernels.scalar();
    }
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      log.log(Level.INFO, "Kiln kernels: scalar (add --add-modules " + VECTOR_MODULE
          + " to use the Vector API)");
      return Kernels.scalar();
    }
    try {
      Kernels panama = Kernels.panama(THREAD_COUNT);
      log.log(Level.INFO, "Kiln kernels: Vector API, " + VectorShape.LANES + " float lanes, "
          + (VectorShape.WIDE_TILES ? "wide" : "narrow") + " tiles, " + THREAD_COUNT
          + (THREAD_COUNT == 1 ? " thread" : " threads"));
      return panama;
    } catch (LinkageError | RuntimeException e) {
      log.log(Level.WARNING, "Kiln kernels: scalar (the Vector API failed to load: " + e + ")");
      return Kernels.scalar();
    }
  }
}
