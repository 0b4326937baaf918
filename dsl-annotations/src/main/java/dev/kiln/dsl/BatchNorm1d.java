package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.BatchNorm1d} over a vector's features: in training each feature is normalised with the
 * batch's mean and biased variance and the running statistics move toward them by {@code momentum};
 * {@code forward} and {@code predict} use the running statistics. Then, with {@code affine}, a learnt
 * weight (starting at 1) and bias (at 0) per feature. A member of its own, or with an activation, which
 * is applied after the normalization. State-dict names as PyTorch's: {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var}, {@code num_batches_tracked} (I64).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface BatchNorm1d {
  /** Added to the variance before its square root; above 0. */
  float eps() default 1e-5f;

  /** How far each training batch moves the running statistics, in [0, 1]. */
  float momentum() default 0.1f;

  /** Whether to learn a weight and a bias per feature. */
  boolean affine() default true;

  /** Whether to keep running statistics; without them evaluation normalises with the batch's own. */
  boolean trackRunningStats() default true;
}
