package test;

import static test.BlobNetModel.*;

import dev.kiln.dsl.Reduction;
import dev.kiln.runtime.ClassIndexTrainer;
import dev.kiln.runtime.FloatTargetTrainer;
import dev.kiln.runtime.GradientSum;
import dev.kiln.runtime.activation.Activation;
import dev.kiln.runtime.generated.AbstractTrainer;
import dev.kiln.runtime.generated.Batches;
import dev.kiln.runtime.kernel.KernelProvider;
import dev.kiln.runtime.kernel.LinearKernels;
import dev.kiln.runtime.loss.CrossEntropy;
import dev.kiln.runtime.optim.Optimizer;
import javax.annotation.processing.Generated;

/**
 * Trains a {@link BlobNetModel} with CROSS_ENTROPY loss. Made by {@link BlobNetModel#trainer}; not thread-safe.
 */
@Generated(
        value = "dev.kiln.processor.KilnProcessor",
        comments = "from test.BlobNet"
)
public final class BlobNetTrainer extends AbstractTrainer implements ClassIndexTrainer, FloatTargetTrainer {
    private static final CrossEntropy LOSS = CrossEntropy.of(Reduction.MEAN);

    private final BlobNetModel model;

    private final LinearKernels kernels = KernelProvider.linear();

    /**
     * The batch size the workspaces are sized for.
     */
    private int rows;

    private float[] hiddenOutput;

    private float[] hiddenGradient;

    private float[] outOutput;

    private float[] outGradient;

    /**
     * The batch, [IN x rows]: this narrow network trains feature-major.
     */
    private float[] xT;

    /**
     * The output and its gradient in rows, [rows x OUT], as the loss reads and writes them.
     */
    private float[] networkOutput;

    private float[] networkGradient;

    BlobNetTrainer(BlobNetModel model, float[] parameters, Optimizer optimizer) {
        super(parameters, optimizer);
        this.model = model;
    }

    @Override
    public int ignoreIndex() {
        return LOSS.ignoreIndex();
    }

    /**
     * One training step on a batch: forward, CROSS_ENTROPY loss, backward, and the optimizer's update.
     * A batch whose loss is not finite (NaN when every target is ignored) changes nothing.
     *
     * @param x the inputs, [rows x IN] row-major; any number of rows
     * @param targets one class index in [0, OUT) per row
     * @return the batch's loss (mean reduction), computed before the update
     */
    @Override
    public float step(float[] x, int[] targets) {
        Batches.targets(targets);
        int rows = forwardPass(x);
        // Loss: log-softmax and cross-entropy in one pass: the loss and d(logits), (softmax - target) / N.
        float loss = LOSS.computeFeatureMajor(outOutput, targets, outGradient, rows, OUT);
        return backwardPass(x, rows, loss);
    }

    /**
     * Forward, loss and backward as {@link #step} runs them, without the update: the gradients,
     * left in {@link #gradients()}, summed over the rows; returns the summed loss and the weight the
     * loss's reduction divides by, which add over batches (and partitions) before one division.
     */
    @Override
    public GradientSum sumGradients(float[] x, int[] targets) {
        int rows = Batches.rows(x, IN, WIDEST_ROW);
        return sumGradients(() -> step(x, targets), LOSS.weight(targets, rows, OUT));
    }

    /**
     * The loss of {@code output}, as the model's forward computed it, against {@code targets}:
     * summed over the rows, with the weight its reduction divides by. Changes nothing.
     */
    @Override
    public GradientSum evaluate(float[] output, int[] targets) {
        int rows = Batches.rows(output, OUT);
        float loss = LOSS.compute(output, targets, new float[output.length], rows, OUT);
        return evaluated(loss, LOSS.weight(targets, rows, OUT));
    }

    /**
     * One training step on a batch: forward, CROSS_ENTROPY loss, backward, and the optimizer's update.
     * A batch whose loss is not finite (NaN when every target is ignored) changes nothing.
     *
     * @param x the inputs, [rows x IN] row-major; any number of rows
     * @param targets [rows x OUT] row-major: each row a probability distribution over the classes
     * @return the batch's loss (mean reduction), computed before the update
     */
    @Override
    public float step(float[] x, float[] targets) {
        Batches.targets(targets);
        int rows = forwardPass(x);
        // Loss: log-softmax and cross-entropy in one pass: the loss and d(logits), (softmax - target) / N.
        // The loss reads rows: the output is transposed to them, and its gradient back.
        kernels.transpose(outOutput, OUT, rows, networkOutput);
        float loss = LOSS.compute(networkOutput, targets, networkGradient, rows, OUT);
        kernels.transpose(networkGradient, rows, OUT, outGradient);
        return backwardPass(x, rows, loss);
    }

    /**
     * Forward, loss and backward as {@link #step} runs them, without the update: the gradients,
     * left in {@link #gradients()}, summed over the rows; returns the summed loss and the weight the
     * loss's reduction divides by, which add over batches (and partitions) before one division.
     */
    @Override
    public GradientSum sumGradients(float[] x, float[] targets) {
        int rows = Batches.rows(x, IN, WIDEST_ROW);
        return sumGradients(() -> step(x, targets), LOSS.weight(targets, rows, OUT));
    }

    /**
     * The loss of {@code output}, as the model's forward computed it, against {@code targets}:
     * summed over the rows, with the weight its reduction divides by. Changes nothing.
     */
    @Override
    public GradientSum evaluate(float[] output, float[] targets) {
        int rows = Batches.rows(output, OUT);
        float loss = LOSS.compute(output, targets, new float[output.length], rows, OUT);
        return evaluated(loss, LOSS.weight(targets, rows, OUT));
    }

    /**
     * Runs the batch forward into the workspaces; returns its number of rows.
     */
    private int forwardPass(float[] x) {
        int rows = Batches.rows(x, IN, WIDEST_ROW);
        ensureWorkspaces(rows);
        // Feature-major: every workspace below is [features x rows].
        kernels.transpose(x, rows, IN, xT);
        // hidden: Linear(2 -> 10) + ReLU
        kernels.linearForwardT(xT, parameters, HIDDEN_WEIGHT, HIDDEN_BIAS, hiddenOutput, hiddenOutput, rows, HIDDEN_IN, HIDDEN_OUT, Activation.RELU);
        // out: Linear(10 -> 2)
        kernels.linearForwardT(hiddenOutput, parameters, OUT_WEIGHT, OUT_BIAS, outOutput, outOutput, rows, OUT_IN, OUT_OUT, Activation.IDENTITY);
        return rows;
    }

    /**
     * Back-propagates the loss's gradient, then updates the parameters; returns {@code loss}.
     */
    private float backwardPass(float[] x, int rows, float loss) {
        if (!Float.isFinite(loss)) {
            // Nothing to learn from (every target ignored, or a diverged loss): the parameters and
            // the optimizer's state stay as they were.
            return loss;
        }
        // Backward through out: Linear(10 -> 2)
        kernels.linearParameterGradientT(outGradient, hiddenOutput, gradients, OUT_WEIGHT, OUT_BIAS, rows, OUT_IN, OUT_OUT);
        kernels.linearInputGradientT(outGradient, parameters, OUT_WEIGHT, hiddenGradient, rows, OUT_IN, OUT_OUT);
        // Backward through hidden: Linear(2 -> 10) + ReLU
        Activation.RELU.backward(hiddenOutput, hiddenOutput, hiddenGradient, HIDDEN_OUT, rows);
        kernels.linearParameterGradientT(hiddenGradient, xT, x, gradients, HIDDEN_WEIGHT, HIDDEN_BIAS, rows, HIDDEN_IN, HIDDEN_OUT);
        return update(loss);
    }

    /**
     * Sizes the workspaces for {@code rows} rows; allocates only when the batch size changes.
     */
    private void ensureWorkspaces(int rows) {
        if (rows == this.rows) {
            return;
        }
        hiddenOutput = new float[rows * HIDDEN_OUT];
        hiddenGradient = new float[rows * HIDDEN_OUT];
        outOutput = new float[rows * OUT_OUT];
        outGradient = new float[rows * OUT_OUT];
        xT = new float[rows * IN];
        networkOutput = new float[rows * OUT];
        networkGradient = new float[rows * OUT];
        this.rows = rows;
    }

    /**
     * The model this trainer updates.
     */
    @Override
    public BlobNetModel model() {
        return model;
    }
}
