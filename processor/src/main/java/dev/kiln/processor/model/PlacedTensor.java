package dev.kiln.processor.model;

/** A tensor at its place: its state-dict name and its offset in the model's array for its role and type. */
public record PlacedTensor(TensorDecl decl, String name, long offset) {}
