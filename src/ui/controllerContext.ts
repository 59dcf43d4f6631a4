/** The app's single Controller, handed to components that issue commands. */
import { createContext, useContext } from 'react';
import type { Controller } from '../state/controller';

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const c = useContext(ControllerContext);
  if (!c) throw new Error('useController outside ControllerContext');
  return c;
}
