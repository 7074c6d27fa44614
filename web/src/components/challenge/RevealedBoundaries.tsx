import type { ChallengeView } from '@/server/services/challenges/getChallenge';
import type { Leaderboard } from '@/server/services/challenges/leaderboard';
import { BoundaryCanvas } from './BoundaryCanvas';

/** Side of the server's boundary grid (@deltalab/exercises BOUNDARY_GRID). */
const SERVER_GRID = 48;

/** After the reveal: the top entries' decision boundaries over the hidden test points they were scored on. */
export function RevealedBoundaries({ reveal, bounds }: { reveal: NonNullable<Leaderboard['reveal']>; bounds: ChallengeView['bounds'] }) {
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">The top entries over the hidden test points</h3>
      <div className="flex flex-wrap gap-4">
        {reveal.top.map((top) => (
          <figure key={top.rank} className="space-y-1">
            <BoundaryCanvas
              bounds={bounds}
              gridSize={SERVER_GRID}
              classes={Array.from(top.boundary, Number)}
              points={reveal.test}
              size={240}
              label={`Decision boundary of rank ${top.rank}, ${top.name}, over the hidden test points`}
            />
            <figcaption className="text-xs">
              {top.rank}. {top.name}
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
