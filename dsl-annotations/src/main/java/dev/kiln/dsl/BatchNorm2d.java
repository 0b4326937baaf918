package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.BatchNorm2d} over feature maps, channel by channel: in training each channel is normalised
 * over the batch, height and width with the batch's mean and biased variance, and the running
 * statistics move toward them by {@code momentum}; {@code forward} and {@code predict} use the running
 * statistics. Then, with {@code affine}, a learnt weight (starting at 1) and bias (at 0) per channel. A
 * member of its own, or with an activation, which is applied after the normalization. State-dict names
 * as PyTorch's: {@code weight}, {@code bias}, {@code running_mean}, {@code running_var},
 * {@code num_batches_tracked} (I64).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface BatchNorm2d {
  /** Added to the variance before its square root; above 0. */
  float eps() default 1e-5f;

  /** How far each training batch moves the running statistics, in [0, 1]. */
  float momentum() default 0.1f;

  /** Whether to learn a weight and a bias per channel. */
  boolean affine() default true;

  /** Whether to keep running statistics; without them evaluation normalises with the batch's own. */
  boolean trackRunningStats() default true;
}
