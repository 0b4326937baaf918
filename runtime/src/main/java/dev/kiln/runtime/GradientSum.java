package dev.kiln.runtime;

/**
 * What {@code sumGradients} computed for one batch, its gradients left in {@code trainer.gradients()}:
 * the loss summed over the rows, and the weight the loss's reduction divides by (see
 * {@code ClassIndexLoss.weight}). Sums and weights of several batches add; the reduced loss and gradient of
 * them all are the sums divided by the weights' sum.
 */
public record GradientSum(double loss, double weight) {}
