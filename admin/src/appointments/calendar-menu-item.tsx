import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { Menu } from 'react-admin';
import { CALENDAR_PATH } from './calendar-page.tsx';

export function CalendarMenuItem() {
  return <Menu.Item to={CALENDAR_PATH} primaryText="Calendar" leftIcon={<CalendarMonthIcon />} />;
}
