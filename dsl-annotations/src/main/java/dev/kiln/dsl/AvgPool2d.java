package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D average pooling with a square window, as PyTorch's {@code nn.AvgPool2d}, with its divisor: the
 * window clipped at the right and bottom padding, and counting the padding unless
 * {@code countIncludePad} is false.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AvgPool2d {
  /** Marks {@link #stride()} as not given: it is then the kernel size, as in PyTorch. */
  int KERNEL = 0;
  /** The window's height and width. */
  int kernel();
  int stride() default KERNEL;
  /** Zeros added on every side; at most half the kernel. */
  int padding() default 0;
  /** Whether a last, partial window counts when it starts inside the input or its left padding. */
  boolean ceilMode() default false;
  /** Whether the zeros of the padding count in the divisor. */
  boolean countIncludePad() default true;
}
