package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.MultiheadAttention(dim, heads, dropout, bias, batch_first=True)} called as self-attention,
 * {@code attn(x, x, x, key_padding_mask, attn_mask, need_weights=False)}, on a sequence [length x dim]:
 * its tensors {@code in_proj_weight} [3·dim x dim], {@code in_proj_bias}, {@code out_proj.weight},
 * {@code out_proj.bias}, initialised as PyTorch does. Padding positions of a token model are not
 * attended to.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SelfAttention {
  /** Attention heads; the sequence's dim must be divisible by it. */
  int heads();

  /** Dropout of the attention probabilities in training, in [0, 1). */
  float dropout() default 0f;

  /** Whether the projections have biases. */
  boolean bias() default true;

  /** Whether each position attends only to itself and the positions before it (a language model's mask). */
  boolean causal() default false;
}
