package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution with a square kernel, as PyTorch's {@code nn.Conv2d}: the weight has shape
 * [out, in, kernel, kernel], and weight and bias start uniform in ±1/√(in·kernel·kernel). The input
 * channels are inferred from the feature maps that flow in, and checked when given. Takes an
 * activation and {@code @Dropout} as a {@code @Linear} member does.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Conv2d {
  /** Marks {@link #in()} as not given: it is then the channels that flow in. */
  int INFERRED = 0;
  /** Output channels. */
  int out();
  /** The kernel's height and width. */
  int kernel();
  int stride() default 1;
  /** Zeros added on every side. */
  int padding() default 0;
  int dilation() default 1;
  /** Whether the layer adds a learnable bias per output channel. */
  boolean bias() default true;
  /** Input channels; inferred when not given. */
  int in() default INFERRED;
}
