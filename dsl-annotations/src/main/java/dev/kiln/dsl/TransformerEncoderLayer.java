package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.TransformerEncoderLayer(dim, heads, feedforward, dropout, activation, eps, batch_first=True,
 * norm_first)} on a sequence [length x dim], called with the padding mask of a token model (and the causal
 * mask when asked). Its tensors keep PyTorch's names under the member: {@code self_attn.in_proj_weight},
 * {@code self_attn.in_proj_bias}, {@code self_attn.out_proj.weight}/{@code .bias},
 * {@code linear1.weight}/{@code .bias}, {@code linear2.weight}/{@code .bias}, {@code norm1.weight}/
 * {@code .bias}, {@code norm2.weight}/{@code .bias}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TransformerEncoderLayer {
  /** Attention heads; the sequence's dim must be divisible by it. */
  int heads();

  /** Width of the feed-forward block; at least 1. */
  int feedforward() default 2048;

  /** Dropout where PyTorch puts it, in [0, 1): attention probabilities, after attention, after the activation and after {@code linear2}. */
  float dropout() default 0.1f;

  /** The feed-forward block's activation. */
  FeedForward activation() default FeedForward.RELU;

  /** Whether the norms come before attention and the feed-forward block (pre-norm) instead of after. */
  boolean normFirst() default false;

  /** Added to the variance in both layer norms; above 0. */
  float eps() default 1e-5f;

  /** Whether each position attends only to itself and the positions before it. */
  boolean causal() default false;
}
