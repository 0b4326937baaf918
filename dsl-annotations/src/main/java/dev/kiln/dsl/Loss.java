package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The loss a {@link Model} is trained with. Options are named after PyTorch's arguments and have
 * PyTorch's defaults; each applies only to the losses that take it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Loss {
  /** PyTorch's default {@code ignore_index}: no class is ignored. */
  int NO_IGNORED_CLASS = -100;

  LossKind value();

  /** How per-sample losses are combined into the batch's loss. */
  Reduction reduction() default Reduction.MEAN;

  /** Class weights ({@code CROSS_ENTROPY}, {@code NLL}) or per-output weights ({@code BCE}, {@code BCE_WITH_LOGITS}). */
  float[] weight() default {};

  /** A class index whose targets contribute nothing ({@code CROSS_ENTROPY}, {@code NLL}). */
  int ignoreIndex() default NO_IGNORED_CLASS;

  /** Mixes the one-hot target with the uniform distribution, in [0, 1] ({@code CROSS_ENTROPY}). */
  float labelSmoothing() default 0f;

  /** The weight of positive targets, one per output or one for all ({@code BCE_WITH_LOGITS}). */
  float[] posWeight() default {};

  /** Where {@code SMOOTH_L1} turns from quadratic to linear; 0 makes it L1. */
  float beta() default 1f;

  /** Where {@code HUBER} turns from quadratic to linear; positive. */
  float delta() default 1f;

  /** The weight of positive targets in {@code FOCAL}, in [0, 1], or -1 for none. */
  float alpha() default 0.25f;

  /** How strongly {@code FOCAL} discounts easy examples; 0 makes it BCE with logits. */
  float gamma() default 2f;

  /** Whether {@code KL_DIV}'s targets are log-probabilities. */
  boolean logTarget() default false;
}
