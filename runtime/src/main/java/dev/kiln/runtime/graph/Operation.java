package dev.kiln.runtime.graph;

/**
 * What one step of a layer computes, as an exporter reads it: one record per layer kind, named after
 * the PyTorch module it matches, with its options and the state-dict names of its tensors. A member
 * lists its steps in the order they act ({@code @BatchNorm2d @ReLU}: the normalization, then the ReLU);
 * each step reads the one before, the first reads the member's input.
 */
public interface Operation {}
