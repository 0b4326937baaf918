package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.LayerNorm} over each example: a vector's features, or all of a feature map's channels,
 * height and width ({@code nn.LayerNorm([C, H, W])}), normalised with the example's own mean and biased
 * variance, the same in training and evaluation; then, with {@code elementwiseAffine}, a learnt weight
 * (starting at 1) and bias (at 0) per value. A member of its own, or with an activation, which is
 * applied after the normalization.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LayerNorm {
  /** Added to the variance before its square root; above 0. */
  float eps() default 1e-5f;

  /** Whether to learn a weight and a bias per normalised value. */
  boolean elementwiseAffine() default true;
}
