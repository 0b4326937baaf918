package dev.kiln.runtime.graph;

/** {@code nn.Dropout}: the identity outside training. */
public record DropoutOp(float p) implements Operation {}
