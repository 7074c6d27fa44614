import { defineExercise, fixedVariants } from '../../../src/definition';

// The notes' Slido poll "Given a learning curve … what is likely to be the case", with the curve written out as a
// table: training loss keeps falling while validation loss turns up after ~20 epochs, i.e. overfitting.
export default defineExercise({
  slug: 'learning-curve-diagnosis',
  title: 'Reading a learning curve',
  topic: 'regularisation',
  order: 10,
  points: 1,
  summary: 'Diagnose over- or underfitting from training and validation loss curves.',
  kind: 'choice',
  variants: fixedVariants({}),
  mode: 'single',
  options: [
    {
      id: 'overfitting',
      text: 'The model overfits after about 20 epochs: stop early (keep the weights of the lowest validation loss) or regularise (dropout, $L_2$).',
      correct: true,
      explanation:
        'Right. The training loss keeps falling but the validation loss is lowest near epoch 20 and rises afterwards: the network memorises the training set and generalises worse. Early stopping, dropout or weight decay are the remedies from the notes.',
    },
    {
      id: 'underfitting',
      text: 'The model underfits: it needs more capacity (more layers or units) and more epochs.',
      correct: false,
      explanation:
        'An underfitting model has a high training loss too. Here the training loss reaches 0.01, so capacity is not the problem; more capacity or epochs would widen the gap.',
    },
    {
      id: 'learning_rate_too_large',
      text: 'The learning rate is too large: the training diverges.',
      correct: false,
      explanation: 'A diverging run shows a rising or oscillating training loss. Here the training loss decreases smoothly every epoch.',
    },
    {
      id: 'ideal_fit',
      text: 'This is an ideal fit: both losses decreased from epoch 1, so training longer can only help.',
      correct: false,
      explanation:
        'Both fall at first, but after about 20 epochs the validation loss grows while the training loss still falls, the signature of overfitting. Training longer makes it worse.',
    },
  ],
});
