import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import { Menu } from 'react-admin';
import { JOB_BOARD_PATH } from './job-board-page.tsx';

export function JobBoardMenuItem() {
  return <Menu.Item to={JOB_BOARD_PATH} primaryText="Job board" leftIcon={<ViewKanbanIcon />} />;
}
