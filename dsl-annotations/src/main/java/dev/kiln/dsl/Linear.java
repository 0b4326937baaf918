package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer, {@code y = x · Wᵀ + b}, as PyTorch's {@code nn.Linear}: the weight has
 * shape [out, in] and both weight and bias start uniform in ±1/√in.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Linear {
  /** Marks {@link #in()} as not given: it is then the previous layer's {@code out}. */
  int INFERRED = -1;

  /** Input features. Required on the first layer; inferred from the previous layer after it. */
  int in() default INFERRED;

  /** Output features. */
  int out();

  /** Whether the layer adds a learnable bias. */
  boolean bias() default true;
}
